/** What every feature's rules share: the {@link cn.cm135.rules.Refusal} of a request they don't allow. */
package cn.cm135.rules;
