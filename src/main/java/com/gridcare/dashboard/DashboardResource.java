package com.gridcare.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.gridcare.dashboard.Rows.ArrearsChart;
import com.gridcare.dashboard.Rows.CollectionChart;
import com.gridcare.dashboard.Rows.ConsumptionChart;
import com.gridcare.dashboard.Rows.EscalationChart;
import com.gridcare.dashboard.Rows.OutageChart;
import com.gridcare.dashboard.Rows.PaymentChannelChart;
import com.gridcare.staff.CurrentStaff;
import com.gridcare.staff.StaffRole;

import io.smallrye.mutiny.Uni;

/**
 * The dashboard's chart data for supervisors (their district) and administrators (all): JSON, or CSV with
 * {@code Accept: text/csv}. Sums over the rollups, as of their last refresh; an administrator may refresh them now.
 */
@Path("/api/v1/staff/dashboard")
@Produces({ MediaType.APPLICATION_JSON, ChartCsvWriter.TEXT_CSV })
@RolesAllowed({ StaffRole.SUPERVISOR_GROUP, StaffRole.ADMIN_GROUP })
@SecurityRequirement(name = "bearer")
@Tag(name = "Staff dashboard", description = "Aggregates of consumption, billing, payments, arrears, outages and "
        + "escalations for the operations dashboard")
public class DashboardResource {

    private static final String CSV_DESCRIPTION = "The rows as CSV: a header of the row's field names, one line each";

    private final DashboardCharts charts;
    private final DashboardRollups rollups;
    private final CurrentStaff current;

    public DashboardResource(DashboardCharts charts, DashboardRollups rollups, CurrentStaff current) {
        this.charts = charts;
        this.rollups = rollups;
        this.current = current;
    }

    @GET
    @Path("consumption")
    @Operation(summary = "Consumption per month", description = "Billed kWh, year on year, tier mix of households")
    @APIResponse(responseCode = "200", description = "The chart", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsumptionChart.class)),
            @Content(mediaType = ChartCsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING, description = CSV_DESCRIPTION)) })
    public Uni<ConsumptionChart> consumption(@BeanParam ChartQuery query) {
        return charts.consumption(query.filter(current.member()));
    }

    @GET
    @Path("collection")
    @Operation(summary = "Billing and collection per bill period", description = "Billed, collected, on-time rate")
    @APIResponse(responseCode = "200", description = "The chart", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionChart.class)),
            @Content(mediaType = ChartCsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING, description = CSV_DESCRIPTION)) })
    public Uni<CollectionChart> collection(@BeanParam ChartQuery query) {
        return charts.collection(query.filter(current.member()));
    }

    @GET
    @Path("arrears")
    @Operation(summary = "Arrears ageing", description = "Past-due amounts by days overdue (0-30, 31-60, 61-90, 90+) "
            + "and risk tier, as of the refresh; from and to do not apply")
    @APIResponse(responseCode = "200", description = "The chart", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArrearsChart.class)),
            @Content(mediaType = ChartCsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING, description = CSV_DESCRIPTION)) })
    public Uni<ArrearsChart> arrears(@BeanParam ChartQuery query) {
        return charts.arrears(query.filter(current.member()));
    }

    @GET
    @Path("payment-channels")
    @Operation(summary = "Payments by payment channel per month")
    @APIResponse(responseCode = "200", description = "The chart", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentChannelChart.class)),
            @Content(mediaType = ChartCsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING, description = CSV_DESCRIPTION)) })
    public Uni<PaymentChannelChart> paymentChannels(@BeanParam ChartQuery query) {
        return charts.paymentChannels(query.filter(current.member()));
    }

    @GET
    @Path("outages")
    @Operation(summary = "Outages by cause", description = "Count, customers affected, customer-minutes lost")
    @APIResponse(responseCode = "200", description = "The chart", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutageChart.class)),
            @Content(mediaType = ChartCsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING, description = CSV_DESCRIPTION)) })
    public Uni<OutageChart> outages(@BeanParam ChartQuery query) {
        return charts.outages(query.filter(current.member()));
    }

    @GET
    @Path("escalations")
    @Operation(summary = "Escalations per day", description = "Opened, answered within the SLA, resolved, rating")
    @APIResponse(responseCode = "200", description = "The chart", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EscalationChart.class)),
            @Content(mediaType = ChartCsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING, description = CSV_DESCRIPTION)) })
    public Uni<EscalationChart> escalations(@BeanParam ChartQuery query) {
        return charts.escalations(query.filter(current.member()));
    }

    @POST
    @Path("refresh")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(StaffRole.ADMIN_GROUP)
    @Operation(summary = "Refresh every rollup now", description = "Readers keep the previous data until each view "
            + "is done")
    @APIResponse(responseCode = "200", description = "Refreshed: how long it took, per view",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RefreshResult.class)))
    @APIResponse(responseCode = "409", description = "refresh-running: this instance is refreshing already")
    public Uni<RefreshResult> refresh() {
        return rollups.refresh();
    }
}
