/**
 * The QuickFIX/J side: the initiator whose socket threads hand every parsed message to the gateway agent
 * ({@link io.basis.gateway.session.HandOffInitiator}), the callbacks
 * ({@link io.basis.gateway.session.GatewayApplication}, run by the agent, which go to its handler), the sessions as
 * the translators use them ({@link io.basis.gateway.session.FixSession}),
 * session roles, routing, dialects, stores, logs and connection attempts, the session status told to the engine
 * (gateway agent) and {@link io.basis.gateway.session.SentMessages}, written by whichever thread sends under
 * QuickFIX/J's send lock and read by the agent.
 */
package io.basis.gateway.session;
