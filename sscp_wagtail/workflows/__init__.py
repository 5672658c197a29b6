"""The editorial workflow: roles, the "Safeguarding sign-off" workflow and its
four-eyes approval task, the routes that would publish around it, moderation
notifications, the dashboard panels and the public notice for expired pages."""
