/**
 * The workspace page: its nxCloudId, the nx.json snippet, its two access levels, rename and delete.
 */
package dev.gatehouse.workspace.web;
