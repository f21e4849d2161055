/** Maps: how a region without a figure is drawn (the districts page, the industries page). */
/** The hatch of a district with no figure: grey diagonal lines on white, unlike any shade of the scale (a pattern fill). */
export function noDataHatch(): { image: HTMLCanvasElement; repeat: 'repeat' } {
  const c = document.createElement('canvas');
  c.width = 8;
  c.height = 8;
  const g = c.getContext('2d');
  if (g) {
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, 8, 8);
    g.strokeStyle = '#9ca3af';
    g.lineWidth = 1.5;
    g.beginPath();
    // One diagonal per tile, continued across the corners so that the tiles join into unbroken lines.
    g.moveTo(0, 8);
    g.lineTo(8, 0);
    g.moveTo(-2, 2);
    g.lineTo(2, -2);
    g.moveTo(6, 10);
    g.lineTo(10, 6);
    g.stroke();
  }
  return { image: c, repeat: 'repeat' };
}
