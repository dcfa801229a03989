\set i random(1, :residents)
\set c 1 + (:i * 7919) % :customers
select b.customer_id
  from account_binding b
  join customer c on c.id = b.customer_id
 where b.resident_id = :i and c.account_no = '03' || lpad(:c::text, 8, '0') and b.unbound_at is null;
