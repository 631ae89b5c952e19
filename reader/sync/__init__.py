"""reader.sync: keeping the local store in step with an aggregator server, and current."""
