// The console's pages in menu order. The report pages (overview, points flow, segments and pushes, referrals) come
// here once their API exists: each is a module exporting render(container), and one line below.
import * as members from './members.js';
import * as programme from './programme.js';
import * as gifts from './gifts.js';
import * as clearing from './clearing.js';

export const pages = [
  { id: 'members', title: 'nav.members', render: members.render },
  { id: 'programme', title: 'nav.programme', render: programme.render },
  { id: 'gifts', title: 'nav.gifts', render: gifts.render },
  { id: 'clearing', title: 'nav.clearing', render: clearing.render },
];
