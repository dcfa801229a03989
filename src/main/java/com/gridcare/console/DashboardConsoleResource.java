package com.gridcare.console;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.gridcare.dashboard.Choices;
import com.gridcare.dashboard.DashboardCharts;
import com.gridcare.staff.CurrentStaff;
import com.gridcare.staff.StaffConfig;
import com.gridcare.staff.StaffMember;
import com.gridcare.staff.StaffRole;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;

/**
 * The operations dashboard page: the filters and a place for each chart. The page's script (static/dashboard.js)
 * fetches the charts' data from the staff dashboard API with the console's cookie and draws them with Apache ECharts,
 * served from the ECharts WebJar in the jar. Supervisors see their district, administrators choose.
 */
@Path("/console/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardConsoleResource {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance dashboard(StaffMember me, String csrf, Choices choices, boolean admin);
    }

    private final DashboardCharts charts;
    private final CurrentStaff current;
    private final StaffConfig config;

    public DashboardConsoleResource(DashboardCharts charts, CurrentStaff current,
            StaffConfig config) {
        this.charts = charts;
        this.current = current;
        this.config = config;
    }

    @GET
    @RolesAllowed({ StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    public Uni<Response> dashboard() {
        StaffMember me = current.member();
        return charts.choices().map(choices -> ConsolePages.page(Templates.dashboard(me, current.csrfToken(), choices,
                me.role() == StaffRole.ADMIN), 200));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response signInFirst() {
        return Response.seeOther(URI.create("/console/sign-in")).cookie(ConsolePages.cookie(config, "", 0)).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception) {
        return Response.status(403).type(MediaType.TEXT_PLAIN).entity("Your role does not allow this.").build();
    }
}
