/**
 * Role names shared by the services' {@code @RolesAllowed} and the web module's identity store.
 */
package dev.gatehouse.security;
