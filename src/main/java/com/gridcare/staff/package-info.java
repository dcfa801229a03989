/**
 * Grid service staff: sign-in, roles, the audit log, whose work a customer is ({@code GridOwners}: the routing of
 * escalations and contact tasks) and the {@code staff-password} command. Owns {@code staff},
 * {@code district}, {@code grid_area} and {@code staff_audit_log}. Uses {@code auth} (staff tokens carry the
 * residents' issuer) and {@code common}.
 */
package com.gridcare.staff;
