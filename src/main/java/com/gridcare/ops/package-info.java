/**
 * The jar's entry point and operator commands, production start-up checks, embedded servers for dev mode and tests,
 * demo seeding. The top of the house: it may use any package, and none uses it.
 */
package com.gridcare.ops;
