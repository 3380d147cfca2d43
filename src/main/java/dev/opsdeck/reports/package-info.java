/** Reports over the read models: typed report configurations, schedules that run once per due time across instances, runs and their files. */
package dev.opsdeck.reports;
