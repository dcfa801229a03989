package com.gridcare.reminder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.gridcare.common.RequestDates;
import com.gridcare.staff.StaffRole;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Reminders", description = "Bill reminders: planning, a customer's profile, campaign results")
public class ReminderResource {

    private final ReminderPlanner planner;
    private final ReminderViews views;
    private final Clock clock;

    public ReminderResource(ReminderPlanner planner, ReminderViews views, Clock clock) {
        this.planner = planner;
        this.views = views;
        this.clock = clock;
    }

    @POST
    @Path("reminders/plans")
    @RolesAllowed(StaffRole.ADMIN_GROUP)
    @Operation(summary = "Plan today's reminders now", description = "What the daily schedule does: settles the "
            + "reminders whose bill's outcome is known and learns from them, then decides every reminder due today and "
            + "writes the outbox. Planning again the same day adds nothing.")
    @APIResponse(responseCode = "200", description = "Planned")
    @APIResponse(responseCode = "409", description = "Another instance is planning")
    public Uni<PlanSummary> plan() {
        return planner.planNow();
    }

    @GET
    @Path("reminders/summary")
    @RolesAllowed({ StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    @Operation(summary = "Campaign results", description = "Reminders planned in [from, until), by channel, risk tier "
            + "or grid area: contacts, their cost, and how the bills were paid.")
    @APIResponse(responseCode = "200", description = "One row per group")
    @APIResponse(responseCode = "400", description = "Unknown grouping or dates")
    public Uni<List<ReminderViews.ReminderResult>> summary(
            @Parameter(description = "channel, tier or area") @QueryParam("by") @DefaultValue("channel") String by,
            @Parameter(description = "First day (yyyy-MM-dd), default 30 days ago") @QueryParam("from") String from,
            @Parameter(description = "Day after the last (yyyy-MM-dd), default tomorrow") @QueryParam("until")
            String until) {
        LocalDate today = LocalDate.now(clock);
        return views.summary(by, from == null ? today.minusDays(30) : RequestDates.date("from", from),
                until == null ? today.plusDays(1) : RequestDates.date("until", until));
    }

    @GET
    @Path("customers/{accountNo}/profile")
    @RolesAllowed({ StaffRole.AGENT_GROUP, StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
    @Operation(summary = "A customer's reminder profile", description = "Risk, what the recommender learned of them "
            + "per channel, and their latest reminders with the expectations that chose each channel.")
    @APIResponse(responseCode = "200", description = "The profile")
    @APIResponse(responseCode = "404", description = "No such account")
    public Uni<CustomerReminderProfile> profile(
            @PathParam("accountNo") @Pattern(regexp = "[0-9A-Za-z]{1,16}") String accountNo) {
        return views.profile(accountNo);
    }
}
