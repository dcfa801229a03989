/**
 * The synthetic-utility generator ({@code generate}) and the operator dataset view. Owns
 * {@code dataset_generation} and {@code dataset_generation_step}; as a bulk loader it writes the utility tables of the
 * other packages by design (COPY, whole steps). Uses {@code billing} (tariffs, bill rules), {@code staff},
 * {@code outage} (its seeds, for {@code --outage-storm}) and {@code common}.
 */
package com.gridcare.dataset;
