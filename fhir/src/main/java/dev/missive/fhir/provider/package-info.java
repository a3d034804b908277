/** Resource providers: thin, each one parses, calls one service method and maps the answer. */
package dev.missive.fhir.provider;
