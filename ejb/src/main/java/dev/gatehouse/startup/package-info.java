/**
 * What runs once while the application starts, before any request: the data source and the schema's migrations.
 */
package dev.gatehouse.startup;
