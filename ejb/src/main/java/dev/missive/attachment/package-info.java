/**
 * Files carried by messages: uploads recognised by content (JPEG, PDF, DOCX, MP4), their store,
 * and who may read them (the uploader, then whoever may read the message).
 */
package dev.missive.attachment;
