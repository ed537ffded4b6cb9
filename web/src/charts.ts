/** Chart.js with only the parts the dashboard draws (bars and points), registered once. */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  PointElement,
  ScatterController,
  Tooltip,
  Legend,
);
Chart.defaults.font.family = 'system-ui, sans-serif';
Chart.defaults.color = '#1f2937';
// Charts follow the reader's wish for less motion.
if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) Chart.defaults.animation = false;

export { Chart };
