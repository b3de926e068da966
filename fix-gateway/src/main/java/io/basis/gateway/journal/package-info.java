/**
 * The gateway's write-ahead journal of ClOrdIDs, owned by the gateway agent.
 */
package io.basis.gateway.journal;
