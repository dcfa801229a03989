package com.gridcare.dataset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.gridcare.staff.StaffRole;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/ops/dataset")
@RolesAllowed(StaffRole.ADMIN_GROUP)
@SecurityRequirement(name = "bearer")
@Tag(name = "Operations", description = "What operators need to see of the running service")
public class DatasetResource {

    private final DatasetStatusService service;

    public DatasetResource(DatasetStatusService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The loaded dataset (administrators)", description = "How the dataset was generated (if it was), its "
            + "completed steps and the estimated row count of each table.")
    public Uni<DatasetStatus> status() {
        return service.status();
    }
}
