"""Media layer: probing, pts index, exact frames, thumbnails, activity scan, stills, remux.

No Qt and no database here: the services store what this layer computes, the UI shows it.
"""
