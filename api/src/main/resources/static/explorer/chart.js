// Sector profile: location quotient per sector as a d3 bar chart (LQ 1 = same share as England).

/* global d3 */

export function renderSectorProfile(container, rows, onPick) {
  if (!rows.length) { container.innerHTML = '<p>No sectors to show for this area.</p>'; return; }
  const data = [...rows].filter(r => r.locationQuotient != null).sort((a, b) => b.locationQuotient - a.locationQuotient).slice(0, 25);
  const barH = 18, margin = { top: 20, right: 44, bottom: 8, left: 150 };
  const width = Math.max(300, container.clientWidth || 320);
  const height = margin.top + margin.bottom + barH * data.length;
  const x = d3.scaleLinear().domain([0, Math.max(1.2, d3.max(data, d => d.locationQuotient))]).range([margin.left, width - margin.right]);
  const y = d3.scaleBand().domain(data.map(d => d.code)).range([margin.top, height - margin.bottom]).padding(0.15);
  const svg = d3.select(container).append('svg').attr('class', 'sg-chart').attr('id', 'profile-chart')
    .attr('width', width).attr('height', height).attr('role', 'img')
    .attr('aria-label', 'Location quotient by sector; bars right of the dashed line are over-represented in the area');
  svg.append('text').attr('x', margin.left).attr('y', 12).text('Location quotient (companies)');
  const bars = svg.append('g').selectAll('g').data(data).join('g').attr('tabindex', 0).attr('role', 'button')
    .attr('aria-label', d => `${d.name}: LQ ${d.locationQuotient.toFixed(2)}, ${d.companies} companies`)
    .style('cursor', 'pointer')
    .on('click', (e, d) => onPick(d))
    .on('keydown', (e, d) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick(d); } });
  bars.append('rect').attr('class', d => 'sg-bar' + (d.locationQuotient >= 1.25 ? ' sg-high' : ''))
    .attr('x', x(0)).attr('y', d => y(d.code)).attr('height', y.bandwidth()).attr('width', d => x(d.locationQuotient) - x(0));
  bars.append('text').attr('x', margin.left - 4).attr('y', d => y(d.code) + y.bandwidth() / 2).attr('dy', '0.35em')
    .attr('text-anchor', 'end').text(d => (d.code + ' ' + d.name).slice(0, 24));
  bars.append('text').attr('x', d => x(d.locationQuotient) + 3).attr('y', d => y(d.code) + y.bandwidth() / 2).attr('dy', '0.35em')
    .text(d => d.locationQuotient.toFixed(2));
  bars.append('title').text(d => `${d.code} ${d.name}: LQ ${d.locationQuotient.toFixed(2)} (${d.companies} companies)`);
  svg.append('line').attr('class', 'sg-ref').attr('x1', x(1)).attr('x2', x(1)).attr('y1', margin.top - 4).attr('y2', height - margin.bottom);
}
