\set i random(1, :residents)
\set c 1 + (:i * 7919) % :customers
select b.customer_id
  from account_binding b
  join customer c on c.id = b.customer_id
 where b.resident_id = :i and c.account_no = '03' || lpad(:c::text, 8, '0') and b.unbound_at is null;
select r.period, sum(r.consumption_kwh) as kwh, sum(r.peak_kwh) as peak, sum(r.flat_kwh) as flat,
       sum(r.valley_kwh) as valley
  from meter m join monthly_reading r on r.meter_id = m.id
 where m.customer_id = :c and r.period >= :first_month::date and r.period <= :last_month::date
 group by r.period;
