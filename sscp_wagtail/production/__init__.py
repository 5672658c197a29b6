"""What the site needs to run in production: health checks, the Content-Security-Policy,
the anonymous page cache with its purging, and the page shown when the database is down."""
