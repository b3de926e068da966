/**
 * Orders both ways: engine orders, cancels and status requests to FIX (single, fan-out or list), execution reports,
 * cancel rejects, list status and session rejects back to SBE, and the recovery of order states. Every class here
 * belongs to the gateway agent's thread; none locks.
 */
package io.basis.gateway.order;
