/**
 * Operator configuration shared by every module: the {@code GATEHOUSE_*} keys and the data source
 * they select. Nothing about the database is hard-wired anywhere else.
 */
package dev.gatehouse.config;
