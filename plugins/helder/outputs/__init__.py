"""What Helder publishes besides the pages: the product feed, structured data, the dashboard, the statement."""
