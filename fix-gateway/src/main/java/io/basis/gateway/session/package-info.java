/**
 * The QuickFIX/J side: the callbacks ({@link io.basis.gateway.session.GatewayApplication}, on QuickFIX/J's threads,
 * which only hand over), the sessions as the translators use them ({@link io.basis.gateway.session.FixSession}),
 * session roles, routing, dialects, stores, logs and connection attempts, the session status told to the engine
 * (gateway agent) and {@link io.basis.gateway.session.SentMessages}, written by whichever thread sends under
 * QuickFIX/J's send lock and read by the agent.
 */
package io.basis.gateway.session;
