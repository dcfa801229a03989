select b.period, b.tariff_code, p.name as tariff_name, b.kwh_total, b.tier1_kwh, b.tier2_kwh, b.tier3_kwh,
       b.tier1_amount, b.tier2_amount, b.tier3_amount, b.peak_kwh, b.flat_kwh, b.valley_kwh,
       b.energy_amount, b.demand_amount, b.surcharge_amount, b.total_amount, b.issued_on, b.due_date,
       b.status, b.paid_amount, b.late_fee_paid, b.settled_at
  from bill b join tariff_plan p on p.code = b.tariff_code
 where b.customer_id = :c order by b.period desc limit 1;
