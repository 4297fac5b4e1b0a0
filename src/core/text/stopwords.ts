import { stem } from './tokenize.js';

/**
 * Words that carry no content of their own: a line padded with them ("- QPS: yes", "we will
 * definitely use X here as well") has explained nothing. Stored as stems.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again all also am an and any are as at be been before being below both but by
  can could did do does doing done down during each even ever every few for from further had has have
  having he her here hers him his how however i if in into is it its itself just let like may me
  might more most must my myself no nor not now of off on once one only or other our ours out over own
  per quite rather really same she should so some such than that the their them then there these they
  this those through thus to too under until up upon us very via was we well were what when where
  which while who whom why will with within without would yes yeah ok okay sure indeed definitely
  certainly basically actually probably maybe perhaps simply just also etc e g i e use used using
  thing things stuff good great nice important key main important necessary need needed needs want
  wants get gets got make makes made go going`
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => stem(word)),
);
