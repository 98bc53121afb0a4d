"""Discord views: buttons, modals, embeds and the shared error reply."""
