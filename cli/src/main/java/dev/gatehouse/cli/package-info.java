/**
 * The {@code gatehouse} command line: one class per verb, Nx's {@code nxcloud.ini} and
 * {@code nx.json}, and the server's HTTP API.
 */
package dev.gatehouse.cli;
