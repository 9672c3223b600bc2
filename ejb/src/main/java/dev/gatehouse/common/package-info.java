/**
 * What every feature's services share: how a refusal is told to the person who asked.
 */
package dev.gatehouse.common;
