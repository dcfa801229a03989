package com.gridcare.outage;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.Cache;

import com.gridcare.common.InvalidRequestException;
import com.gridcare.common.Page;

import io.smallrye.mutiny.Uni;

/** Published outages are public notices: anyone may search them (my account's outages: {@link AccountOutageResource}). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outages", description = "Current and planned power outages")
public class OutageResource {

    private final OutageService service;

    public OutageResource(OutageService service) {
        this.service = service;
    }

    @GET
    @Path("outages")
    @PermitAll
    @Cache(maxAge = 30)
    @Operation(summary = "Search outages", description = "Current and upcoming outages of a transformer area, feeder "
            + "or grid area whose name or code contains the text.")
    public Uni<Page<OutageSummary>> search(@QueryParam("q") String text, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.search(text, cursor, limit);
    }

    @GET
    @Path("outages/near")
    @PermitAll
    @Cache(maxAge = 30)
    @Operation(summary = "Outages near a place", description = "Outages covering transformer areas within the "
            + "radius (at most 5,000 m) of the point, nearest first.")
    public Uni<List<NearbyOutage>> near(@QueryParam("latitude") Double latitude,
            @QueryParam("longitude") Double longitude, @QueryParam("radius") @DefaultValue("2000") int radiusMeters) {
        if (latitude == null || longitude == null) {
            throw new InvalidRequestException("latitude and longitude are required");
        }
        return service.near(latitude, longitude, radiusMeters);
    }

    @GET
    @Path("outages/{id}")
    @PermitAll
    @Cache(maxAge = 30)
    @Operation(summary = "One outage")
    public Uni<OutageDetail> detail(@PathParam("id") long id) {
        return service.detail(id).map(outage -> outage.orElseThrow(NotFoundException::new));
    }
}
