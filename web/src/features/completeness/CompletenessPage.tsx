// Completeness is the quarter's returns page: received, late and overdue come from one place,
// /api/cycle/status, so a partner, an analyst and the board see the same statuses with their
// deadlines. /completeness stays a working address for links and bookmarks.
export { default } from '../cycle/CyclePage';
