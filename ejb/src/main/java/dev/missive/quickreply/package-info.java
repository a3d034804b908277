/**
 * Quick replies: the clinic's reply templates, written by clinic admins and read by staff, who
 * insert one into a message with its placeholders filled in. Patients and proxies never see them.
 */
package dev.missive.quickreply;
