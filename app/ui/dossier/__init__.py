"""Export dialog: profile, language, events and stills to include, regions to blur, preview."""
