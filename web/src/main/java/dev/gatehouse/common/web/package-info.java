/**
 * What every feature's pages share.
 */
package dev.gatehouse.common.web;
