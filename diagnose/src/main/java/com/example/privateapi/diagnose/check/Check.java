package com.example.privateapi.diagnose.check;

import com.example.privateapi.diagnose.model.Deployment;
import com.example.privateapi.diagnose.report.Line;

import java.util.List;

/** One hand-off check: its lines for a deployment (one per client where it concerns each client). */
public interface Check {
    List<Line> check(Deployment deployment);
}
