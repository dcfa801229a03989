/**
 * Who is calling: the signed-in resident of a request and the resident role. Issued by {@code auth}, read by every
 * resident-facing feature; it sits below them all so that none has to depend on sign-in to know its caller.
 */
package com.gridcare.identity;
