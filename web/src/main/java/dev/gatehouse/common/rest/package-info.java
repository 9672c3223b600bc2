/**
 * The JSON API's application and its error mapping, shared by every feature's resources.
 */
package dev.gatehouse.common.rest;
