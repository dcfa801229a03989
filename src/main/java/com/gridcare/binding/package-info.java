/**
 * Which accounts (户号) are a resident's: binding with proof, unbinding, and the one access decision every
 * account-scoped read asks ({@link com.gridcare.binding.AccountAccess}). Owns {@code account_binding}. Uses
 * {@code auth} (proof codes by SMS), {@code identity} and {@code common}.
 */
package com.gridcare.binding;
