package dev.missive.quickreply;

/** What a clinic admin writes into a quick reply: its title and its text (Missive's Markdown subset, with placeholders). */
public record QuickReplyContent(String title, String text) {}
