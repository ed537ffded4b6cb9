/**
 * The day in the Netherlands, where romgraph's days are: "today" for the graph, the summaries and the dates a
 * change records (a participation that ends now ends on the Dutch date, whatever the database's time zone).
 */
const amsterdamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in the Netherlands, YYYY-MM-DD. */
export function today(): string {
  return amsterdamDay.format(new Date());
}
