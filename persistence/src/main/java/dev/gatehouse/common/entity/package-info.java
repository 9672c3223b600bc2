/**
 * Rules that entities of several features share, such as what a name may be.
 */
package dev.gatehouse.common.entity;
