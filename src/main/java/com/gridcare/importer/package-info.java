/**
 * The {@code import} command: a utility's CSV exports checked whole, then loaded by natural key. Owns
 * {@code import_file}; as a bulk loader it writes customers, readings, bills and payments by design. Uses only
 * {@code common}.
 */
package com.gridcare.importer;
