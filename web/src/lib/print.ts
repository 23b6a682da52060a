// The printed page's measurements, for what must be drawn to fit it before the browser prints
// (charts, which ECharts draws at a size in pixels). They match `@page` in styles/_print.scss.
const MM_PER_INCH = 25.4;
const CSS_PX_PER_INCH = 96;
const A4_WIDTH_MM = 210;
/** The margin `@page` sets on each side. */
export const PRINT_MARGIN_MM = 15;

/** The width between the margins of an A4 page in CSS pixels: 180 mm is 680 px. */
export const A4_PRINTABLE_WIDTH_PX = Math.floor(((A4_WIDTH_MM - 2 * PRINT_MARGIN_MM) / MM_PER_INCH) * CSS_PX_PER_INCH);
