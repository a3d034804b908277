/**
 * Who is calling and in which roles: the Caller every service decides with, taken from the
 * container's security context, never from what a request says about itself.
 */
package dev.missive.security;
