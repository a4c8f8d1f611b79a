"""Where a chart's labels stand: each point's label where it covers no other label and no
marker (matplotlib, imported by cli/plot.py only when a chart is drawn)."""

# Where a point's label may stand, tried in turn until it overlaps no label placed
# before it: above the point, below it, to its right, to its left, then further out.
PLACES = [
    ((0, 9), "center", "bottom"),
    ((0, -11), "center", "top"),
    ((10, 0), "left", "center"),
    ((-10, 0), "right", "center"),
    ((0, 22), "center", "bottom"),
    ((0, -24), "center", "top"),
]


def separate(figure, labels: list) -> None:
    """Place each point's label where it covers no other label and no marker (=49.7
    over =48.9): the labels of higher points first, each in the first of PLACES that
    is free, else where it was first placed."""
    from matplotlib.transforms import Bbox

    renderer = figure.canvas.get_renderer()
    # Every marker, as a square about its size (80 square points: 9 points across).
    half = 6 * figure.dpi / 72
    placed = []
    for label in labels:
        x, y = label.axes.transData.transform(label.xy)
        placed.append(Bbox.from_extents(x - half, y - half, x + half, y + half))
    for label in sorted(labels, key=lambda text: -text.xy[1]):
        for offset, across, up in [*PLACES, PLACES[0]]:
            label.set_position(offset)
            label.set_horizontalalignment(across)
            label.set_verticalalignment(up)
            box = label.get_window_extent(renderer)
            if not any(box.overlaps(other) for other in placed):
                break
        placed.append(box)
