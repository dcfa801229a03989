select r.period, sum(r.consumption_kwh) as kwh, sum(r.peak_kwh) as peak, sum(r.flat_kwh) as flat,
       sum(r.valley_kwh) as valley
  from meter m join monthly_reading r on r.meter_id = m.id
 where m.customer_id = :c and r.period >= :first_month::date and r.period <= :last_month::date
 group by r.period;
