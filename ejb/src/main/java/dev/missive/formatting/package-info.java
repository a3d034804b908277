/**
 * Formatted message text: the safe Markdown subset Missive accepts (bold, italic, bulleted and
 * numbered lists, https and mailto links), checked and turned into the plain text sent beside it.
 * Pure text handling: no persistence, no HTML is ever produced here.
 */
package dev.missive.formatting;
